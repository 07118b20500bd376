// The API documentation: Swagger UI (shipped in the jar) rendering /api/v1/openapi.yaml.
// The contract needs the server's token when it has one: the one the planners' page kept
// in this tab's session, or asked for here.
(async () => {
  const KEY = 'caseload.token';
  const auth = () => {
    const token = sessionStorage.getItem(KEY);
    return token ? { Authorization: `Bearer ${token}` } : {};
  };
  let probe = await fetch('/api/v1/openapi.yaml', { headers: auth() });
  if (probe.status === 401) {
    const token = window.prompt('This server needs its token (API token):');
    if (token) sessionStorage.setItem(KEY, token.trim());
    probe = await fetch('/api/v1/openapi.yaml', { headers: auth() });
  }
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.yaml',
    dom_id: '#ui',
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    requestInterceptor: (request) => {
      Object.assign(request.headers, auth());
      return request;
    },
  });
})();
