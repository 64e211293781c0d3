// Imported first by the benchmarks: they measure the api as deployed, and the image runs
// with NODE_ENV=production (docker/Dockerfile). graphql-js reads it when it loads, and
// then skips its development checks (a second copy of graphql, at each type test).
process.env.NODE_ENV ??= 'production';
