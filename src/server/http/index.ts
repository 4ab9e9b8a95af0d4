export {
  buildServer,
  sessionKeyBuffer,
  SESSION_COOKIE,
  type BuildServerOptions,
  type RateLimit,
} from './build-server.js';
export { HttpError, toHttpError, type ErrorBody } from './http-error.js';
export { API_ROUTES, XLSX_TYPE, type Access, type RouteSpec } from './routes.js';
export { hashPassword, verifyPassword } from './passwords.js';
