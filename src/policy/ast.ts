/**
 * What a policy set reads, found by walking Cedar's JSON form of each policy once at compile time.
 * Every value handed to the engine is converted inside WebAssembly field by field, and that
 * conversion is most of an authorization's cost (an `ipaddr` alone costs tens of µs), so the
 * engine passes only context fields and entity attributes some policy can actually read.
 */

/** Context fields and entity attributes a policy set reads; `allContext` when it reads `context` whole. */
export interface PolicyReads {
  readonly contextFields: ReadonlySet<string>;
  readonly allContext: boolean;
  readonly entityAttrs: ReadonlySet<string>;
}

interface MutableReads {
  contextFields: Set<string>;
  allContext: boolean;
  entityAttrs: Set<string>;
}

export function emptyReads(): MutableReads {
  return { contextFields: new Set(), allContext: false, entityAttrs: new Set() };
}

function isContextVar(node: unknown): boolean {
  return typeof node === 'object' && node !== null && (node as { Var?: unknown }).Var === 'context';
}

/**
 * Adds what one policy (Cedar JSON, `policyToJson`) reads to `reads`. An attribute access on
 * `context` names a context field; one on anything else names an entity attribute (principal,
 * resource or an entity reached through them). `context` used any other way (compared whole,
 * passed to a function) means every field.
 */
export function collectReads(policyJson: unknown, reads: MutableReads): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if ((key === '.' || key === 'has') && typeof value === 'object' && value !== null) {
        const { left, attr } = value as { left?: unknown; attr?: unknown };
        const attrs = Array.isArray(attr) ? (attr as unknown[]) : [attr];
        if (isContextVar(left)) {
          // `context has a.b` (nested has) reads the first field; deeper names are inside it.
          if (typeof attrs[0] === 'string') reads.contextFields.add(attrs[0]);
        } else {
          for (const a of attrs) if (typeof a === 'string') reads.entityAttrs.add(a);
          visit(left);
        }
        continue;
      }
      if (key === 'Var' && value === 'context') {
        reads.allContext = true;
        continue;
      }
      visit(value);
    }
  };
  visit((policyJson as { conditions?: unknown }).conditions);
}
