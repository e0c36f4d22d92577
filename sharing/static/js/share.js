// The "Share your story" form: a live character counter, and the staff
// confirmations shown only to staff. The form works without this script.
(function () {
    "use strict";

    // The visible count follows every keystroke; screen readers hear it only when
    // typing pauses, and at once when the text reaches the last tenth of the limit
    // or goes past it, so the count is not read out over every letter.
    // The words come from the page, in its language: data-text ("{count} of {max}
    // characters") and data-too-long.
    var PAUSE_MS = 1500;
    var locale = document.documentElement.lang || undefined;
    document.querySelectorAll("[data-counter-for]").forEach(function (counter) {
        var field = document.getElementById(counter.dataset.counterFor);
        var max = parseInt(counter.dataset.max, 10);
        if (!field || !max) return;
        var announcer = document.createElement("p");
        announcer.className = "visually-hidden";
        announcer.setAttribute("aria-live", "polite");
        announcer.dataset.counterAnnouncer = field.id;
        counter.after(announcer);
        var timer = null;
        var lastBand = band(field.value.length);
        function band(length) {
            if (length > max) return "over";
            if (length >= max * 0.9) return "near";
            return "under";
        }
        // Grouped as the page writes its limits ("Hasta 5.000 caracteres"): Spanish
        // would otherwise leave four digits ungrouped ("5000").
        var grouping = {useGrouping: "always"};
        function text() {
            var left = max - field.value.length;
            var words = (counter.dataset.text || "{count} of {max} characters")
                .replace("{count}", field.value.length.toLocaleString(locale, grouping))
                .replace("{max}", max.toLocaleString(locale, grouping));
            return words + (left < 0 ? " " + (counter.dataset.tooLong || "(too long)") : "");
        }
        function announce() {
            clearTimeout(timer);
            timer = null;
            announcer.textContent = text();
        }
        function update() {
            counter.textContent = text();
            counter.classList.toggle("counter--over", field.value.length > max);
        }
        field.addEventListener("input", function () {
            update();
            var now = band(field.value.length);
            if (now !== lastBand) {
                lastBand = now;
                announce();
            } else {
                clearTimeout(timer);
                timer = setTimeout(announce, PAUSE_MS);
            }
        });
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
})();
