// A classic script, run by every browser, even one too old for the pages' modules: such a browser
// would otherwise show a blank page. It tells the person what to do instead, in French or English.
// Written for old engines on purpose (var, function, no module syntax).
(function () {
  var doc = document;
  var modules = 'noModule' in doc.createElement('script');
  var needsImportMap = !!doc.querySelector('script[type="importmap"]');
  var canAsk = typeof window.HTMLScriptElement === 'function' && typeof HTMLScriptElement.supports === 'function';
  if (!modules || (needsImportMap && canAsk && !HTMLScriptElement.supports('importmap'))) {
    show();
  } else if (needsImportMap && !canAsk) {
    // Browsers from before HTMLScriptElement.supports may or may not read import maps: the page's
    // entry module marks <html data-modules> when it ran, which it cannot do without the map.
    window.addEventListener('load', function () {
      if (!doc.documentElement.hasAttribute('data-modules')) show();
    });
  }

  function show() {
    var french = /^fr/i.test(navigator.language || navigator.userLanguage || 'fr');
    var box = doc.createElement('div');
    box.className = 'browser-too-old';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', french ? 'fr' : 'en');
    box.appendChild(doc.createTextNode(french
      ? 'Ce navigateur est trop ancien pour Ardoise : la page ne peut pas fonctionner. '
        + 'Mettez-le à jour, ou ouvrez ce lien dans un Firefox, Chrome, Edge ou Safari récent.'
      : 'This browser is too old for Ardoise: the page cannot work. '
        + 'Update it, or open this link in a recent Firefox, Chrome, Edge or Safari.'));
    doc.body.insertBefore(box, doc.body.firstChild);
  }
})();
