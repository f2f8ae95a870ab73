// Live result for the screening wizard: re-evaluates the answers on screen (nothing is saved) as they change.
// Without script the result still refreshes on every save. Only the newest request's answer is shown, so a slow
// earlier response cannot overwrite a later one.
(function () {
  var form = document.getElementById('screening-form');
  if (!form || !document.getElementById('screening-result')) { return; }
  var latest = 0;
  form.addEventListener('change', function () {
    var mine = ++latest;
    fetch(window.location.pathname + '?handler=preview', { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html || mine !== latest) { return; }
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('#screening-result');
        var current = document.getElementById('screening-result');
        if (fresh && current) { current.replaceWith(fresh); }
      });
  });
})();
