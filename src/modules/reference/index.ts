/**
 * The reference module's public face: England's regions and local authorities (loaded at
 * start-up from src/db/reference/local-authorities.csv) and how other modules read them.
 */
export { LocalAuthority } from './local-authority.entity';
export { Region } from './region.entity';
export { ReferenceRepository, type Area } from './reference.repository';
export { checkAreaArguments } from './area-arguments';
export { referenceLoaders } from './reference.loaders';
