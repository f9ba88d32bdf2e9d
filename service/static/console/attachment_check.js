/* 附件: the chosen file is checked before it is sent — none chosen, empty, over the per-file limit — and the
   reason shown under the field, with the same words the server uses. A refusal from the server costs the
   choice (no browser refills a file input after a round trip); these do not. The server checks everything
   again, and the rest (the type by content, the subject's total). A form whose file is optional (a visit with
   its photo: data-attachment-optional) goes without one. */
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.matches || !form.matches("form[data-attachment-action=upload], form[data-attachment-optional]")) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var note = form.querySelector("[data-file-error]");
  if (!input || !note) {
    return;
  }
  var file = input.files && input.files[0];
  var max = parseInt(input.getAttribute("data-max-bytes"), 10);
  var message = "";
  if (!file) {
    message = form.hasAttribute("data-attachment-optional") ? "" : "请选择要上传的文件";
  } else if (file.size === 0) {
    message = "上传的文件为空";
  } else if (max && file.size > max) {
    message = "文件过大（单个附件不超过 " + Math.floor(max / 1048576) + " MB）";
  }
  note.textContent = message;
  note.hidden = !message;
  if (message) {
    event.preventDefault();
    event.stopImmediatePropagation();
    input.focus();
  }
}, true);
