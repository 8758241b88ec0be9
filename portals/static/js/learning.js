// Print button on the certificate page; without JavaScript the browser's own Print works.
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });
})();
