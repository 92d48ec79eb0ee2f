import type { TeamOverview } from '../../../../preload/api';
import { setupHeadline, setupSteps } from './setupState';

const MARKS = { done: '✓', current: '●', todo: '○' } as const;
const STATE_WORDS = { done: 'done', current: 'next', todo: 'to do' } as const;

/** Setup as steps: module enabled → organization linked → directory active (→ Okta SSO for Okta teams). */
export function SetupSteps({ overview }: { overview: TeamOverview }) {
  return (
    <div>
      <h3>
        Setup: <span data-testid="setup-state">{setupHeadline(overview)}</span>
      </h3>
      <ol className="steps" aria-label="Setup steps">
        {setupSteps(overview).map((step) => (
          <li key={step.title} className={`step step-${step.state}`}>
            <span className="step-mark" aria-hidden="true">
              {MARKS[step.state]}
            </span>
            <div>
              <strong>{step.title}</strong>{' '}
              <span className="visually-hidden">({STATE_WORDS[step.state]})</span>
              <div className="muted small">{step.detail}</div>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
