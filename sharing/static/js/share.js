// The "Share your story" form: a live character counter, and the staff
// confirmations shown only to staff. The form works without this script.
(function () {
    "use strict";

    document.querySelectorAll("[data-counter-for]").forEach(function (counter) {
        var field = document.getElementById(counter.dataset.counterFor);
        var max = parseInt(counter.dataset.max, 10);
        if (!field || !max) return;
        function update() {
            var left = max - field.value.length;
            counter.textContent = field.value.length.toLocaleString() + " of " +
                max.toLocaleString() + " characters" + (left < 0 ? " (too long)" : "");
            counter.classList.toggle("counter--over", left < 0);
        }
        field.addEventListener("input", update);
        update();
    });

    var staff = document.getElementById("employee-confirmations");
    var roles = document.querySelectorAll("input[name='role']");
    if (staff && roles.length) {
        var sync = function () {
            var checked = document.querySelector("input[name='role']:checked");
            staff.hidden = !(checked && checked.value === "employee");
        };
        roles.forEach(function (radio) { radio.addEventListener("change", sync); });
        sync();
    }

    var errors = document.getElementById("form-errors");
    if (errors) errors.focus();
})();
