/* global SwaggerUIBundle */
// The API documentation: Swagger UI (shipped in the jar) rendering /api/v1/openapi.yaml.
// The contract needs the server's token when it has one: the one the planners' page kept in
// this tab's session (same origin), or one asked for here in the page's own form (a tab
// opened on its own has an empty session; a browser prompt may be suppressed in a
// background tab, and Swagger would then show only "Unauthorized").
(() => {
  const KEY = 'caseload.token';
  const CONTRACT = '/api/v1/openapi.yaml';
  const $ = (id) => document.getElementById(id);
  const auth = () => {
    const token = sessionStorage.getItem(KEY);
    return token ? { Authorization: `Bearer ${token}` } : {};
  };

  function render() {
    $('token-form').hidden = true;
    window.ui = SwaggerUIBundle({
      url: CONTRACT,
      dom_id: '#ui',
      // no deep links: Swagger UI draws each operation's path as a link inside the button that
      // opens it (axe: nested-interactive, and a target 19 px high), which a keyboard or screen
      // reader cannot reach apart from the button
      deepLinking: false,
      validatorUrl: null,
      tryItOutEnabled: false,
      requestInterceptor: (request) => {
        Object.assign(request.headers, auth());
        return request;
      },
      onComplete: contractLink,
    });
  }

  /**
   * The contract's link at the top fetches it with the token and saves it, where the server
   * has one: followed as a link it had been sent without one and answered 401 (a planner's
   * trial). Without a token the link is followed as it is.
   */
  function contractLink() {
    for (const link of document.querySelectorAll(`a[href$="${CONTRACT}"]`)) {
      link.addEventListener('click', async (event) => {
        if (!sessionStorage.getItem(KEY)) return;
        event.preventDefault();
        const response = await fetch(CONTRACT, { headers: auth() });
        const blob = new Blob([await response.text()], { type: 'text/yaml' });
        const save = document.createElement('a');
        save.href = URL.createObjectURL(blob);
        save.download = 'openapi.yaml';
        save.click();
        URL.revokeObjectURL(save.href);
      });
    }
  }

  function ask(message) {
    const form = $('token-form');
    form.hidden = false;
    $('token-error').textContent = message;
    $('token-input').setAttribute('aria-invalid', message ? 'true' : 'false');
    $('token-input').focus();
  }

  async function tryContract() {
    let response;
    try {
      response = await fetch(CONTRACT, { headers: auth() });
    } catch (e) {
      ask(`The server did not answer: ${e.message}`);
      return;
    }
    if (response.status === 401) {
      const had = sessionStorage.getItem(KEY) !== null;
      ask(had ? 'The server refused this token: check it and try again.' : '');
      return;
    }
    render();
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token-input').value.trim();
    if (!token) {
      ask('Type the token first.');
      return;
    }
    sessionStorage.setItem(KEY, token);
    tryContract();
  });

  tryContract();
})();
