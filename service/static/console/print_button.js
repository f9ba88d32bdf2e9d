// 打印: a button (data-print) that opens the browser's print dialog. Hidden until this script shows it, so
// without JavaScript no dead button is offered (the browser's own print command still works).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
