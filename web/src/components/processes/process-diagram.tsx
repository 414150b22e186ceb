import { useId } from 'react';
import { useI18n } from '../../i18n';
import { usePeople } from '../../people';
import type { ProcessDefinition, Step } from '../../../../processes/model';
import { BOX_HEIGHT, BOX_WIDTH, layoutDiagram, linksOf, wrapLabel } from './process-layout';
import { humanSummary, kindText, linkLabel } from './step-summary';

/**
 * A definition drawn as a graph: columns by longest path from the first step, arrows for every
 * link routed around the boxes (forward over them, loops and returns under them), returns dashed,
 * end steps coloured by outcome; and the same as an ordered list of steps for screen readers and
 * for reading on a small screen.
 */
export function ProcessDiagram({ definition }: { definition: ProcessDefinition }) {
  const { t, pick } = useI18n();
  const id = useId();
  const layout = layoutDiagram(definition.steps, definition.firstStep);
  const { nameOf } = usePeople(definition.steps.flatMap(namedUsersOf));
  const name = (stepId: string): string =>
    stepId === 'initiator' ? t('processes.initiator') : pick(definition.steps.find((s) => s.id === stepId)?.name, stepId);
  const title = t('processes.diagramTitle', { name: pick(definition.name, definition.key), version: definition.version });

  return (
    <section className="process-diagram" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('processes.diagram')}</h2>
      <div className="process-diagram-scroll" tabIndex={0} role="group" aria-label={title}>
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>
            {t('processes.diagramDescription', { count: definition.steps.length, first: name(definition.firstStep) })}
          </desc>
          <defs>
            <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="diagram-arrowhead" />
            </marker>
          </defs>
          <g className="diagram-links">
            {layout.links.map((link, i) => (
              <g key={i} className={`diagram-link diagram-link-${link.kind}${link.backwards ? ' diagram-link-back' : ''}`}>
                <path d={link.d} fill="none" markerEnd={`url(#${id}-arrow)`} strokeDasharray={link.kind === 'return' ? '6 4' : undefined} />
                {link.kind !== 'next' && (
                  <text x={link.labelX} y={link.labelY} textAnchor={link.labelAnchor} className="diagram-link-label">
                    {linkLabel(t, link)}
                  </text>
                )}
              </g>
            ))}
          </g>
          {layout.steps.map((placed) => (
            <StepBox
              key={placed.step.id}
              step={placed.step}
              x={placed.x}
              y={placed.y}
              first={placed.step.id === definition.firstStep}
              nameOf={nameOf}
            />
          ))}
        </svg>
      </div>
      <h3 id={`${id}-list`}>{t('processes.stepList')}</h3>
      <ol className="process-step-list" aria-labelledby={`${id}-list`}>
        {definition.steps.map((step) => {
          const summary = humanSummary(t, step, nameOf);
          return (
            <li key={step.id} data-step={step.id}>
              <strong>{pick(step.name, step.id)}</strong> <span className="muted">({kindText(t, step)}{step.id === definition.firstStep ? `, ${t('processes.first')}` : ''})</span>
              {summary && <div>{summary.deadline}{summary.assignees ? ` · ${summary.assignees}` : ''}</div>}
              {linksOf(step).length > 0 && (
                <ul>
                  {linksOf(step).map((link, i) => (
                    <li key={i}>{t('processes.linkTo', { label: linkLabel(t, link), target: name(link.to) })}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The logins a step names as its assignees (the `user` rule). */
function namedUsersOf(step: Step): string[] {
  if (step.kind !== 'approval' && step.kind !== 'task') return [];
  return step.assignees.flatMap((rule) => (rule.kind === 'user' ? [rule.userId] : []));
}

function StepBox({ step, x, y, first, nameOf }: { step: Step; x: number; y: number; first: boolean; nameOf: (login: string) => string }) {
  const { t, pick } = useI18n();
  const fullName = pick(step.name, step.id);
  const lines = wrapLabel(fullName, 22, 2);
  const summary = humanSummary(t, step, nameOf);
  const outcome = step.kind === 'end' ? ` diagram-end-${step.outcome}` : '';
  return (
    <g className={`diagram-step diagram-step-${step.kind}${outcome}${first ? ' diagram-step-first' : ''}`} data-step={step.id}>
      {/* The whole name, as wrapping may cut it; also shown as a tooltip. */}
      <title>{`${fullName} (${kindText(t, step)})`}</title>
      <rect x={x} y={y} width={BOX_WIDTH} height={BOX_HEIGHT} rx={step.kind === 'end' ? 22 : 6} />
      {lines.map((line, i) => (
        <text key={i} x={x + 10} y={y + 20 + i * 16} className="diagram-step-name">
          {line}
        </text>
      ))}
      <text x={x + 10} y={y + BOX_HEIGHT - 8} className="diagram-step-kind">
        {kindText(t, step)}
      </text>
      {summary && (
        <>
          <text x={x + 2} y={y + BOX_HEIGHT + 14} className="diagram-step-summary">
            {summary.deadline}
          </text>
          <text x={x + 2} y={y + BOX_HEIGHT + 28} className="diagram-step-summary">
            {wrapLabel(summary.assignees, 30, 1)[0] ?? ''}
          </text>
        </>
      )}
    </g>
  );
}
