// Small enhancements only; every page works without this file.
(function () {
    "use strict";
    // Close an open header menu on Escape or a click elsewhere, as people expect of menus.
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
            menu.removeAttribute("open");
            menu.querySelector("summary").focus();
        });
    });
    document.addEventListener("click", function (event) {
        document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
            if (!menu.contains(event.target)) menu.removeAttribute("open");
        });
    });
})();
