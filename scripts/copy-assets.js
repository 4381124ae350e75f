/** tsc does not copy images: put src/images next to the compiled code in lib/ and esm/. */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
for (const out of ['lib', 'esm']) {
  const target = path.join(root, out, 'images');
  fs.mkdirSync(target, { recursive: true });
  for (const file of fs.readdirSync(path.join(root, 'src', 'images'))) {
    fs.copyFileSync(path.join(root, 'src', 'images', file), path.join(target, file));
  }
}
