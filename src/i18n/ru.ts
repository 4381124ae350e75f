/** Russian translations, in Jed's shape: msgid -> [translation]. Keys are the English strings passed to t(). */
const ru: Record<string, string[]> = {};

export default ru;
