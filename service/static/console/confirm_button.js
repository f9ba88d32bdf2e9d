// Asks before an irreversible action: a submit button with data-confirm="…" (the server's text, saying what
// will happen) submits its form only once the user confirms. Per button, so one form may hold several
// actions (同意 / 不同意 / 退回). No dependencies; without JavaScript the form submits as before.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
