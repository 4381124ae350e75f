/**
 * Two browser APIs that antd 6 calls and jsdom lacks. antd 5's components reached them through a polyfill
 * (resize-observer-polyfill) or did not call them; antd 6's @rc-component packages use the browser's own, which
 * every browser Superset supports has. Neither stand-in changes what a test can see: jsdom lays nothing out, so no
 * size ever changes, and a MessageChannel message is a macrotask, as a setTimeout(0) is.
 */
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

if (typeof globalThis.MessageChannel === 'undefined') {
  class Port {
    constructor() {
      this.onmessage = null;
      this.other = null;
      this.closed = false;
    }
    postMessage(data) {
      const target = this.other;
      setTimeout(() => {
        if (!target.closed && typeof target.onmessage === 'function') target.onmessage({ data, target });
      }, 0);
    }
    start() {}
    close() {
      this.closed = true;
    }
  }
  globalThis.MessageChannel = class MessageChannel {
    constructor() {
      this.port1 = new Port();
      this.port2 = new Port();
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  };
}
