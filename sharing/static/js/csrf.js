// A comment form on a page from the page cache (sharing/page_cache.py) carries no
// CSRF token: the same page is sent to every reader. Before the form is sent,
// this asks the site for a token of this browser's own (/csrf-token/, never
// cached) and puts it in. Without this script, or if the site cannot be reached,
// the form is sent as it is: the site then shows what was typed, to send again.
(function () {
    "use strict";

    document.querySelectorAll("form[data-csrf-url]").forEach(function (form) {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        if (!input) return;
        var request = null;

        function fetchToken() {
            if (!request) {
                request = fetch(form.dataset.csrfUrl, {
                    credentials: "same-origin",
                    headers: {"Accept": "application/json"},
                    cache: "no-store"
                }).then(function (response) {
                    if (!response.ok) throw new Error("No token");
                    return response.json();
                }).then(function (data) {
                    input.value = data.token;
                }).catch(function () {
                    request = null;
                });
            }
            return request;
        }

        // Early, once the reader starts on the form, so that sending is not delayed.
        form.addEventListener("focusin", fetchToken, {once: true});
        form.addEventListener("submit", function (event) {
            if (input.value) return;
            event.preventDefault();
            var submitter = event.submitter;
            var sent = false;
            function send() {
                if (sent) return;
                sent = true;
                if (!input.value) {
                    form.submit();  // no token: the site keeps what was typed
                } else if (form.requestSubmit) {
                    form.requestSubmit(submitter || undefined);
                } else {
                    form.submit();
                }
            }
            (fetchToken() || Promise.resolve()).then(send, send);
        });
    });
})();
