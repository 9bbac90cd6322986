/**
 * The script that starts GraphiQL on the `/graphiql` page, served as `${EXPLORER_PATH}/assets/start.js`. A file of
 * its own rather than an inline script, so the page's CSP can forbid inline scripts; the settings come from a JSON
 * data block, which the browser never executes. Plain ES5-style browser code: it is sent as it is written here.
 *
 * `sentOperation` works around GraphiQL 3 (checked on 3.9.0, @graphiql/react 0.29): its query editor re-reads the
 * edited text in a CodeMirror change handler debounced by 100 ms, and only then updates the operation name and the
 * parsed document that a run hands the fetcher. A run within those 100 ms (paste then Ctrl-Enter, a click right after
 * an edit) sends the new text with the previous operation's name and document: the server answers "Unknown operation
 * named ..." (OPERATION_RESOLUTION_FAILURE), and a subscription is even sent over HTTP, since the fetcher picks
 * graphql-ws from that stale document. So the fetcher re-derives both from the text it sends: a document with one
 * operation runs that operation; with several, GraphiQL's chosen name is kept and the server names any mistake.
 * Upstream: https://github.com/graphql/graphiql/issues/1807 (open), the same race through the `query` prop.
 */
export const START_SCRIPT = `'use strict';
(function () {
  function sentOperation(fetcher) {
    return function (params, options) {
      var parsed;
      try {
        parsed = GraphiQL.GraphQL.parse(params.query);
      } catch (error) {
        return fetcher(params, options);
      }
      var operations = parsed.definitions.filter(function (definition) {
        return definition.kind === 'OperationDefinition';
      });
      var operationName = params.operationName;
      if (operations.length === 1) operationName = operations[0].name ? operations[0].name.value : undefined;
      return fetcher(
        Object.assign({}, params, { operationName: operationName }),
        Object.assign({}, options, { documentAST: parsed }),
      );
    };
  }

  var settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
  var http = new URL(settings.endpoint, window.location.href);
  var ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetcher = GraphiQL.createFetcher({
    url: http.href,
    wsClient: graphqlWs.createClient({ url: ws.href, lazy: true }),
    enableIncrementalDelivery: false,
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: sentOperation(fetcher),
      defaultQuery: settings.query,
      variables: settings.variables,
      defaultEditorToolsVisibility: 'variables',
    }),
  );
})();
`;
