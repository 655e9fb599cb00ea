import { fieldId, useFieldProblems } from '../../errors/field-errors.js';
import { FieldError } from '../../components/field-error.js';
import { TextField } from '../../components/simple-fields.js';
import { labelOf, useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt } from '../../state/paths.js';
import { whoGainsTexts } from '../../../../outputs/texts/who-gains-texts.js';

interface Municipality {
  id: string;
  label?: string;
  profiles: string[];
}

/**
 * A regional contract (issue 17): the municipalities whose residents take part, each paying for
 * and saving on its own residents. Each target group (profile) lives in exactly one municipality,
 * chosen beside the group; the service names a municipality left without a group.
 */
export function RegionFields() {
  const { t, language } = useT();
  const w = whoGainsTexts(language);
  const { contract, update } = useContract();
  const path = ['budgetHolders', 'municipalities'] as const;
  const municipalities = (getAt(contract, path) ?? []) as Municipality[];
  const profiles = ((getAt(contract, ['profiles']) ?? []) as { id?: string; label?: string }[]).map((p, i) => ({ id: p.id ?? `#${i + 1}`, label: p.label ?? p.id ?? `#${i + 1}` }));
  const listProblems = useFieldProblems([...path], municipalities);

  const toggle = (on: boolean) => {
    if (!on) return update([...path], undefined);
    // Two municipalities to start: the first holds the first target group, the second the rest.
    const ids = profiles.map((p) => p.id);
    const next: Municipality[] = [
      { id: 'gemeente1', label: w.builder.municipality(1), profiles: ids.slice(0, 1) },
      { id: 'gemeente2', label: w.builder.municipality(2), profiles: ids.slice(1) },
    ];
    if (getAt(contract, ['budgetHolders']) === undefined) update(['budgetHolders'], { effects: [], municipalities: next });
    else update([...path], next);
  };
  const moveProfile = (profile: string, to: number) =>
    update(
      [...path],
      municipalities.map((m, k) => ({ ...m, profiles: k === to ? [...m.profiles.filter((p) => p !== profile), profile] : m.profiles.filter((p) => p !== profile) })),
    );

  return (
    <div class="region" id="region">
      <div class="field checkbox">
        <label>
          <input id={`${fieldId([...path])}-present`} type="checkbox" checked={municipalities.length > 0} onChange={(e) => toggle((e.currentTarget as HTMLInputElement).checked)} /> {w.builder.useRegion}
        </label>
      </div>
      {municipalities.length > 0 ? (
        <>
          <p class="hint">{w.builder.regionHint}</p>
          {municipalities.map((m, i) => (
            <MunicipalityItem key={i} index={i} municipality={m} removable={municipalities.length > 2} onRemove={() => update([...path], municipalities.filter((__, k) => k !== i))} />
          ))}
          <button
            type="button"
            id="add-municipality"
            onClick={() => update([...path], [...municipalities, { id: `gemeente${municipalities.length + 1}`, label: w.builder.municipality(municipalities.length + 1), profiles: [] }])}
          >
            {w.builder.addMunicipality}
          </button>
          <div class="grid">
            {profiles.map((profile) => {
              const id = `lives-in-${profile.id}`;
              const where = municipalities.findIndex((m) => m.profiles.includes(profile.id));
              return (
                <div class="field" key={profile.id} data-lives-in={profile.id}>
                  <label for={id}>{w.builder.livesIn(profile.label)}</label>
                  <select id={id} value={where >= 0 ? String(where) : ''} onChange={(e) => moveProfile(profile.id, Number((e.currentTarget as HTMLSelectElement).value))}>
                    {where < 0 ? <option value="">–</option> : null}
                    {municipalities.map((m, k) => (
                      <option key={k} value={String(k)}>
                        {m.label ?? m.id}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
          <FieldError id={`${fieldId([...path])}-error`} label={labelOf(t, 'budgetHolders.municipalities')} problems={listProblems} />
        </>
      ) : null}
    </div>
  );
}

/** One municipality: its code and name, and the service's refusal of its target groups (none given). */
function MunicipalityItem({ index, municipality, removable, onRemove }: { index: number; municipality: Municipality; removable: boolean; onRemove: () => void }) {
  const { t, language } = useT();
  const w = whoGainsTexts(language);
  const at = ['budgetHolders', 'municipalities', index] as const;
  const problems = useFieldProblems([...at, 'profiles'], municipality.profiles);
  return (
    <div class="item" data-municipality={index}>
      <h4>
        <span>{w.builder.municipality(index + 1)}</span>
        {removable ? (
          <button type="button" class="link" onClick={onRemove}>
            {w.builder.remove}
          </button>
        ) : null}
      </h4>
      <div class="grid">
        <TextField path={[...at, 'id']} />
        <TextField path={[...at, 'label']} />
      </div>
      <FieldError id={`${fieldId([...at, 'profiles'])}-error`} label={labelOf(t, 'budgetHolders.municipalities[].profiles')} problems={problems} />
    </div>
  );
}
