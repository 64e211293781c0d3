// The dashboard's charts, in their own chunk (React.lazy): only pages that draw them download them.
export { WeeklyChart } from './WeeklyChart';
export { IssuesChart } from './IssuesChart';
