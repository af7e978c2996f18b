import {
  type AssessmentRecord,
  createEngine,
  type Engine,
  type ObtainedAssurance,
  type RequiredAssurance,
  toRecord,
} from 'hrdd';

/** What the order system does with an order after an assessment. */
export type OrderStatus = 'released' | 'waiting-for-conditions' | 'held-for-compliance' | 'blocked';

export interface Order {
  transaction: Record<string, unknown> & { id: string; assurances?: ObtainedAssurance[] };
  answers: Record<string, unknown>;
  status?: OrderStatus;
  /** What the customer must still provide, for proceed-with-conditions. */
  requests?: { assurances: RequiredAssurance[]; questions: string[] };
}

/**
 * An order-system hook: every order is assessed before release. Escalations and declines are held, proceed
 * releases, proceed-with-conditions asks for the outstanding assurances and answers and re-assesses when they
 * arrive. Every record is kept, so any decision can be replayed later.
 */
export class OrderHook {
  readonly records: AssessmentRecord[] = [];
  private readonly engine: Engine;

  constructor(private readonly asOf: string) {
    this.engine = createEngine();
  }

  check(order: Order): Order {
    const assessment = this.engine.assess(order.transaction, { asOf: this.asOf, answers: order.answers });
    this.records.push(toRecord(assessment, { transaction: order.transaction, answers: order.answers }, this.engine));
    switch (assessment.decision) {
      case 'proceed':
        return { ...order, status: 'released', requests: undefined };
      case 'proceed-with-conditions':
        return {
          ...order,
          status: 'waiting-for-conditions',
          requests: {
            assurances: assessment.requiredAssurances.filter((r) => r.status === 'outstanding'),
            questions: assessment.missingInformation
              .filter((m) => m.path.startsWith('answers.'))
              .map((m) => m.path.slice('answers.'.length)),
          },
        };
      case 'escalate':
        return { ...order, status: 'held-for-compliance' };
      default:
        return { ...order, status: 'blocked' };
    }
  }

  /** The customer sent assurances and answers: record them on the order and assess again. */
  receive(order: Order, assurances: ObtainedAssurance[], answers: Record<string, unknown>): Order {
    const transaction = { ...order.transaction, assurances: [...(order.transaction.assurances ?? []), ...assurances] };
    return this.check({ transaction, answers: { ...order.answers, ...answers } });
  }
}
