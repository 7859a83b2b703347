// Screens observe the database through this door only (lint keeps Dexie inside src/client/db).
// A live query re-runs when a table it read changes: a sync landing updates what is on screen.
export { useLiveQuery } from 'dexie-react-hooks';
