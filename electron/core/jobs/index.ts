export { JobRunner, type JobContext, type JobWork, type JobJournal } from './JobRunner';
export { libraryJournal, markInterruptedJobs, recentJobs } from './journal';
