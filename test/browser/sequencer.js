// The browser specs share one stack and its demo data. The ones that only read and check every
// screen (the tour, axe, the layout) run first, on the demo data as `npm start` makes it; then the
// console spec, which sells to the demo debtor and needs its limit with the client unused by the
// others; then the specs that work on debtors of their own. Jest's own order follows the durations
// it cached on the machine, so without this a check saw other specs' data on some runs only.
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = ['tour.browser.spec.ts', 'accessibility.browser.spec.ts', 'layout.browser.spec.ts', 'console.browser.spec.ts'];
const rank = (path) => {
  const name = path.split('/').pop();
  return FIRST.includes(name) ? FIRST.indexOf(name) : 50;
};

class BrowserSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  }
}

module.exports = BrowserSequencer;
