// The active config in words and bars: the tier scale with colours and actions, each scorecard with its segment
// rule and measures (weight share as a bar, the scoring function in words), the metrics, flags and missing data.
import { compiledFor, type CompiledScorecard } from '../../lib/scoring/compile';
import type { ScoringConfig } from '../../lib/scoring';
import { plural, t } from '../../lib/i18n';
import { inkFor } from '../color';
import { measureText, rulesText } from './config-text';

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** A weight as a bar of its share; additive scorecards have no shares (weights multiply points): `×2`, no bar. */
function WeightBar({ share, multiplier }: { share: number | null; multiplier: number }) {
  if (share === null) return <span class="weight"><span class="weight-text">{t('configMultiplier', multiplier)}</span></span>;
  return (
    <span class="weight">
      <span class="weight-track" aria-hidden="true"><span class="weight-fill" style={{ width: percent(share) }} /></span>
      <span class="weight-text">{percent(share)}</span>
    </span>
  );
}

function Tiers({ config }: { config: ScoringConfig }) {
  return (
    <section aria-labelledby="cv-tiers">
      <h3 id="cv-tiers">{t('configTiers')}</h3>
      <div class="tier-scale" aria-hidden="true">
        {config.tiers.map((tier) => (
          <span key={tier.key} style={{ flexGrow: tier.max - tier.min + 1, background: tier.color, color: inkFor(tier.color) }}>{tier.min}–{tier.max}</span>
        ))}
      </div>
      <ul class="tiers">
        {config.tiers.map((tier) => (
          <li key={tier.key}>
            <span class="swatch" style={{ background: tier.color }} title={tier.color} />
            <strong>{tier.label}</strong> <span class="muted">{t('configTierRange', tier.min, tier.max)}</span>
            {tier.actions.length ? <ul class="actions">{tier.actions.map((a) => <li key={a.title}>{a.title}</li>)}</ul> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ScorecardView({ config, card }: { config: ScoringConfig; card: CompiledScorecard }) {
  const def = card.def;
  const label = (metric: string) => config.metrics.find((m) => m.key === metric)?.label ?? metric;
  return (
    <article class="scorecard">
      <h4>{def.label} <span class="muted">({def.key})</span></h4>
      <p class="muted">
        {def.when ? t('configSegmentRule', rulesText(def.when, config)) : t('configDefaultScorecard')}
        {' · '}
        {card.additive ? t('configAdditive', card.baseline) : t('configWeighted')}
      </p>
      {def.groups ? (
        <ul class="groups">
          {def.groups.map((g, i) => (
            <li key={g.key}><span>{g.label}</span><WeightBar share={card.additive ? null : card.groupWeight[i]!} multiplier={g.weight} /></li>
          ))}
        </ul>
      ) : null}
      <table class="measures">
        <thead>
          <tr><th scope="col">{t('configMeasure')}</th><th scope="col">{t('configFunction')}</th><th scope="col">{t('configWeight')}</th></tr>
        </thead>
        <tbody>
          {def.measures.map((m, i) => (
            <tr key={m.key ?? m.metric}>
              <th scope="row">{m.label ?? label(m.metric)}{m.group ? <span class="muted"> · {def.groups?.find((g) => g.key === m.group)?.label ?? m.group}</span> : null}</th>
              <td class="fn">{measureText(m)}</td>
              <td><WeightBar share={card.additive ? null : card.nominal[i]!} multiplier={m.weight} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function ConfigView({ config }: { config: ScoringConfig }) {
  const compiled = compiledFor(config);
  return (
    <div class="config-view">
      <p class="config-title"><strong>{config.name}</strong> <span class="muted">{t('configVersion', config.version)}</span></p>
      {config.description ? <p class="muted">{config.description}</p> : null}
      <Tiers config={config} />
      <section aria-labelledby="cv-scorecards">
        <h3 id="cv-scorecards">{t('configScorecards')}</h3>
        {compiled.scorecards.map((card) => <ScorecardView key={card.def.key} config={config} card={card} />)}
      </section>
      {config.flags.length ? (
        <section aria-labelledby="cv-flags">
          <h3 id="cv-flags">{t('configFlags')}</h3>
          <ul class="flags">
            {config.flags.map((f) => (
              <li key={f.key}><strong>{f.label}</strong>: {rulesText(f.when, config)}{f.actions.length ? <span class="muted"> → {f.actions.map((a) => a.title).join('; ')}</span> : null}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <details>
        <summary>{t('configMetrics', config.metrics.length)}</summary>
        <table class="metrics">
          <thead>
            <tr><th scope="col">{t('metricsName')}</th><th scope="col">{t('configKind')}</th><th scope="col">{t('configDirection')}</th><th scope="col">{t('configMaxAge')}</th></tr>
          </thead>
          <tbody>
            {config.metrics.map((m) => (
              <tr key={m.key}>
                <th scope="row">{m.label} <span class="muted">({m.key}{m.unit ? `, ${m.unit}` : ''})</span></th>
                <td>{m.kind}</td>
                <td>{m.direction === 'higher' ? t('configHigherBetter') : t('configLowerBetter')}</td>
                <td>{m.maxAgeDays !== undefined ? plural(m.maxAgeDays, 'countDaysOne', 'countDays') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p class="muted">
        {t('configMissing', config.missing.policy, Math.round(config.missing.minCoverage * 100))}
        {config.alerts.drop ? ` · ${t('configDropAlert', plural(config.alerts.drop.points, 'countPointsOne', 'countPoints'), plural(config.alerts.drop.days, 'countDaysOne', 'countDays'))}` : ''}
      </p>
    </div>
  );
}
