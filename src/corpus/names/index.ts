/** Names across languages and spellings: spelling keys, surnames, German nominatives, places. */
export { fold, nameData } from './data.js';
export { spellingKey, isSurnameOnly, surnameKeys } from './spelling.js';
export { germanNominative } from './nominative.js';
export { placeId, placeDisplayName } from './places.js';
