// Appended to the start-up module by scripts/trunk_post_build.py, which
// puts in the folder of this build's print module.
// The print module (a second small WebAssembly module: the printout of an
// application, 申请表 and 承诺书, and the submission file) is loaded the
// first time someone prints or saves,
// not with the page. It is a same-origin file (script-src 'self'), and
// the service worker precaches it, so printing works offline. Its
// stylesheet is adopted as a constructed sheet: no inline style.
{
  const dir = new URL('./__PRINT_DIR__/', document.baseURI);
  let loading;
  const load = async () => {
    loading ??= (async () => {
      const module = await import(new URL('wengang-print.js', dir).href);
      await module.default({ module_or_path: new URL('wengang-print_bg.wasm', dir) });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(module.print_style());
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return module;
    })();
    try {
      return await loading;
    } catch (e) {
      loading = undefined; // try again next time
      throw e;
    }
  };
  window.wengangPrint = async (json, lang, sample) => (await load()).print_html(json, lang, sample);
  // The export file is made there too: the digest code stays out of the first load.
  window.wengangSubmission = async (json) => (await load()).submission_json(json);
  // A demonstration enterprise's application, for the demo menu.
  window.wengangSample = async (id) => (await load()).sample_application(id) ?? '';
  // A pasted statement read by the engine's reader, for the monthly grid.
  window.wengangStatement = async (text, year, lang) => (await load()).statement_read(text, year, lang);
  // The result's working and hardship path, as HTML fragments.
  window.wengangWorking = async (json, lang, suzhou) => (await load()).working_html(json, lang, suzhou);
  // English glosses of the policy clauses, for the result in English.
  window.wengangGlosses = async () => (await load()).clause_glosses();
}
