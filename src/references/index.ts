/**
 * The reference resolver: one module, one lexicon per language (lang/<code>/references/), for every stage
 * that must know whom a pronoun ("er", "she"), a description ("der US-Präsident", "the company", "der
 * 61-Jährige") or a possessive ("its founder") stands for.
 *
 * Place in the house: below entities (text → references → entities → quotes → relations). It imports only
 * text/ and contract/ types and util/; the stages above hand in what they have through the structural
 * shapes of ./types.ts and ./open-references.ts (the entities stage's candidates, a relations sentence view,
 * the quotes stage's entity layer), so nothing here imports a stage.
 *
 *  - lexicon.ts            referenceLexicon(lang): pronouns, description heads (role nouns included), age nouns,
 *                          plural verbs, generic person heads
 *  - role-nouns.ts         roleNouns(lang): the one role-noun file, lang/<code>/entities/roles.txt — title heads
 *                          for entities, person heads here, the tie each noun makes for relations
 *  - heads.ts              headOf / descriptionClass / isPluralHead / isBareHead / withoutGenitive
 *  - antecedents.ts        personAntecedent: the salient person before a token (entities stage's window)
 *  - pronouns.ts           resolvePronouns (he/she, er/sie), nextToPluralVerb
 *  - ages.ts               ageDescriptions ("der 77-Jährige"), ageOf
 *  - role-descriptions.ts  roleDescriptions ("des Botschafters" → the one holder), organisationDescriptions
 *  - open-references.ts    ReferenceMemory + unresolvedReferences: descriptions and possessives per sentence
 *  - described-person.ts   describedPerson: a definite person description to the person named before with
 *                          that role ("sagte der US-Präsident" → Trump), for speakers and arguments;
 *                          descriptionFits / isGenericPersonHead: an office fits only its holder
 */
export { referenceLexicon, type ReferenceLexicon } from './lexicon.js';
export { roleNouns, type RoleNouns, type RoleTie } from './role-nouns.js';
export { headOf, descriptionClass, isBareHead, isPluralHead, withoutGenitive } from './heads.js';
export { personAntecedent, personsInWindow } from './antecedents.js';
export { resolvePronouns, nextToPluralVerb } from './pronouns.js';
export { ageDescriptions, ageOf } from './ages.js';
export { roleDescriptions, organisationDescriptions, type RoleOccurrence } from './role-descriptions.js';
export { describedPerson, descriptionFits, introducedPerson, laterIntroducedPerson, isGenericPersonHead, titleHasHead, type HeldRole, type PersonAt } from './described-person.js';
export { ReferenceMemory, unresolvedReferences, type ReferenceSentence, type OpenMention, type ResolvedMention } from './open-references.js';
export type { PronounInfo, RefType, Head, RefLink, TokenFacts, RefCandidate, CandidateLookup, GenderBook } from './types.js';
