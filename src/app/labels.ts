// Words people read for the engine's identifiers (roles are camelCase in the engine, "Assistant Principal" in sheets).
import { ROLES, type Role } from '../domain/types';

/** 'assistantPrincipal' → 'Assistant Principal'. */
export function roleLabel(role: Role | ''): string {
  if (role === '') return '';
  const words = role.replace(/([A-Z])/g, ' $1');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The Role dropdown: every role but the add-on's own. */
export function roleOptions(): string[] {
  return ROLES.filter((r) => r !== 'system').map(roleLabel);
}
