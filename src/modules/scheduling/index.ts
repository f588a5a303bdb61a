/**
 * The scheduling module's public face: what is due for each setting (and its current grade), as
 * per-request loaders. It owns no table: it reads the other modules through theirs.
 */
export { schedulingLoaders } from './scheduling.loaders';
