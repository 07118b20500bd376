// The public API, with the token (asked for once, kept in sessionStorage) on every call.
import { sseParser } from './sse.js';

const TOKEN_KEY = 'caseload.token';
export const BASE = '/api/v1';

/** An error answer: status and the problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let askToken = async () => null;

/** Sets how the page asks for a token when the server answers 401. */
export function onTokenNeeded(ask) {
  askToken = ask;
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

/** fetch with the token; on 401 asks for a token once and tries again. */
export async function call(path, { method = 'GET', body, accept, signal } = {}, retried = false) {
  const init = { method, signal, headers: headers(accept ? { Accept: accept } : {}) };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path.startsWith('/') ? path : `${BASE}/${path}`, init);
  if (response.status === 401 && !retried) {
    const token = await askToken();
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      return call(path, { method, body, accept, signal }, true);
    }
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = { detail: `HTTP ${response.status}` };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function json(path, options) {
  const response = await call(path, options);
  return response.status === 204 ? null : response.json();
}

/** Streams a run's or comparison's events, calling onProgress; resolves with the last status. */
export async function follow(eventsPath, onProgress, signal) {
  const response = await call(eventsPath, { accept: 'text/event-stream', signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const feed = sseParser();
  let last = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return last;
    for (const e of feed(value)) {
      last = JSON.parse(e.data);
      onProgress(last, e.event);
      if (e.event === 'end') {
        reader.cancel().catch(() => {});
        return last;
      }
    }
  }
}

export function hasToken() {
  return sessionStorage.getItem(TOKEN_KEY) !== null;
}
