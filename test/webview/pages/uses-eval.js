// A negative control: code that needs eval, which the harness's CSP must refuse.
try {
  new Function('return 1')();
} catch {
  // refused, as expected
}
window.evalTried = true;
