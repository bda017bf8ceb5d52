// A question that cannot be asked as given (a bad date, an unknown kind, an empty search): the
// CLI reports it as a usage error, an HTTP API as a 400.

export class QueryError extends Error {}
