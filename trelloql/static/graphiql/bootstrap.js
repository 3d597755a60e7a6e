// Mounts GraphiQL on #graphiql with the settings the server put in #graphiql-config.
// Loaded from the service's own origin so that the page needs no inline script.
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("graphiql-config").textContent);

  // Libraries bundled in GraphiQL that add <style> elements tag them with this nonce,
  // which the page's Content-Security-Policy allows.
  window.__webpack_nonce__ = document.currentScript.nonce;

  var fetcher = GraphiQL.createFetcher({
    url: config.endpoint,
    enableIncrementalDelivery: false,
  });

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.defaultQuery,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    })
  );
})();
