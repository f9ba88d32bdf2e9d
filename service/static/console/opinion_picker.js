/* 常用意见: choosing a saved opinion puts its text into the opinion box named by data-opinion-for (an empty
   box gets the text, a box with text gets it on a new line). Without JavaScript the server takes the chosen
   text when the box is left empty (service/console/pages/inbox.py, _picked_opinion). */
document.addEventListener("change", function (event) {
  var select = event.target;
  var target = select && select.getAttribute && select.getAttribute("data-opinion-for");
  if (!target || !select.value) {
    return;
  }
  var box = document.getElementById(target);
  if (!box) {
    return;
  }
  box.value = box.value.trim() ? box.value.replace(/\s+$/, "") + "\n" + select.value : select.value;
  select.value = "";
  box.focus();
});
