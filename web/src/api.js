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
let asking = null; // one question at a time, however many calls were refused

/**
 * Sets how the page asks for a token when the server answers 401: `ask(wrong)` resolves with
 * the token typed, or null when cancelled; `wrong` says the token tried was refused.
 */
export function onTokenNeeded(ask) {
  askToken = ask;
}

/** The error of a call refused for want of a token the planner would not give. */
export class TokenRefused extends ApiError {
  constructor() {
    super(401, { detail: 'This server needs its token: ask whoever runs the server for it.' });
  }
}

function ask(wrong) {
  if (!asking) asking = Promise.resolve(askToken(wrong)).finally(() => { asking = null; });
  return asking;
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

/**
 * fetch with the token; on 401 asks for a token (again, saying so, while the one typed is
 * refused) and tries again; a TokenRefused error when the planner cancels.
 */
export async function call(path, { method = 'GET', body, accept, signal } = {}) {
  let response;
  for (;;) {
    const sent = sessionStorage.getItem(TOKEN_KEY);
    const init = { method, signal, headers: headers(accept ? { Accept: accept } : {}) };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
    response = await fetch(path.startsWith('/') ? path : `${BASE}/${path}`, init);
    if (response.status !== 401) break;
    // Another call may have been given a token meanwhile: try that one first.
    if (sessionStorage.getItem(TOKEN_KEY) !== sent) continue;
    const token = await ask(sent !== null);
    if (!token) {
      sessionStorage.removeItem(TOKEN_KEY);
      throw new TokenRefused();
    }
    sessionStorage.setItem(TOKEN_KEY, token);
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
