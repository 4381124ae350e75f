/**
 * Explore's control panel, rebuilt from the plugin's own getControlPanel(): sections as collapsible groups (open
 * when `expanded`), CheckboxControl as a checkbox, SelectControl as a select (multi: a checkbox list; freeForm: a
 * text box with suggestions), TextControl as a text or number box. Every control is labelled, described, and has
 * the stable id / data-testid `control-<name>`.
 */
import styled from '@emotion/styled';
import type { QueryFormData } from '@superset-ui/core';
import type { DemoControl, DemoSection } from './controls';
import { demoTheme } from './theme';

const Section = styled.details(({ theme }) => {
  const k = demoTheme(theme);
  return {
    borderBottom: `1px solid ${k.colorBorderSecondary}`,
    padding: `${k.sizeUnit * 2}px 0`,
    summary: { cursor: 'pointer', fontWeight: 600, padding: `${k.sizeUnit}px 0` },
  };
});

const Row = styled.div(({ theme }) => {
  const k = demoTheme(theme);
  return { display: 'flex', gap: k.sizeUnit * 3, flexWrap: 'wrap', marginTop: k.sizeUnit * 2 };
});

const Field = styled.div({ flex: '1 1 140px', minWidth: 0 });

const Description = styled.div(({ theme }) => {
  const k = demoTheme(theme);
  return { color: k.colorTextSecondary, fontSize: k.fontSize - 2, marginTop: k.sizeUnit / 2 };
});

const Label = styled.label({ display: 'block', fontWeight: 500, overflowWrap: 'anywhere' });

const Fieldset = styled.fieldset({ border: 0, margin: 0, padding: 0, legend: { fontWeight: 500, padding: 0 } });

const inputStyle = (theme: unknown) => {
  const k = demoTheme(theme);
  return {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box' as const,
    marginTop: k.sizeUnit,
    padding: `${k.sizeUnit}px ${k.sizeUnit * 2}px`,
    font: 'inherit',
    color: k.colorText,
    background: k.colorBgContainer,
    border: `1px solid ${k.colorBorderSecondary}`,
    borderRadius: k.borderRadius,
  };
};
const Input = styled.input(({ theme }) => inputStyle(theme));
const Select = styled.select(({ theme }) => inputStyle(theme));

const Check = styled.label(({ theme }) => ({
  display: 'flex',
  alignItems: 'center',
  gap: demoTheme(theme).sizeUnit * 2,
  fontWeight: 500,
}));

type Values = Record<string, unknown>;
type OnChange = (name: string, value: unknown) => void;

const idOf = (name: string) => `control-${name}`;

/** An unfinished entry stays text, as Superset's TextControl keeps it; the plugin then uses its default. */
const toNumber = (text: string): number | string =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;

function describedBy(control: DemoControl) {
  return control.description ? `${idOf(control.name)}-description` : undefined;
}

function ControlDescription({ control }: { control: DemoControl }) {
  if (!control.description) return null;
  return <Description id={describedBy(control)}>{control.description}</Description>;
}

function Control({ control, value, onChange }: { control: DemoControl; value: unknown; onChange: OnChange }) {
  const id = idOf(control.name);
  const common = { id, 'data-testid': id, 'aria-describedby': describedBy(control) };
  switch (control.kind) {
    case 'checkbox':
      return (
        <Field>
          <Check htmlFor={id}>
            <input
              type="checkbox"
              {...common}
              checked={value === true}
              onChange={e => onChange(control.name, e.target.checked)}
            />
            {control.label}
          </Check>
          <ControlDescription control={control} />
        </Field>
      );
    case 'multi': {
      const selected = Array.isArray(value) ? value.map(String) : [];
      return (
        <Field>
          <Fieldset data-testid={id} aria-describedby={describedBy(control)}>
            <legend>{control.label}</legend>
            {control.choices.map(([choice, label]) => (
              <Check key={choice} htmlFor={`${id}-${choice}`}>
                <input
                  type="checkbox"
                  id={`${id}-${choice}`}
                  data-testid={`${id}-${choice}`}
                  checked={selected.includes(choice)}
                  onChange={e =>
                    onChange(
                      control.name,
                      // Explore keeps a multi-select's values in the order they were picked.
                      e.target.checked ? [...selected, choice] : selected.filter(v => v !== choice),
                    )
                  }
                />
                {label}
              </Check>
            ))}
          </Fieldset>
          <ControlDescription control={control} />
        </Field>
      );
    }
    case 'select':
      return (
        <Field>
          <Label htmlFor={id}>{control.label}</Label>
          <Select
            {...common}
            value={value === null || value === undefined ? '' : String(value)}
            onChange={e => onChange(control.name, e.target.value === '' ? null : e.target.value)}
          >
            {(control.clearable || value === null || value === undefined) && <option value="">(none)</option>}
            {control.choices.map(([choice, label]) => (
              <option key={choice} value={choice}>
                {label}
              </option>
            ))}
          </Select>
          <ControlDescription control={control} />
        </Field>
      );
    case 'freeform':
      return (
        <Field>
          <Label htmlFor={id}>{control.label}</Label>
          <Input
            {...common}
            list={`${id}-choices`}
            value={typeof value === 'string' ? value : ''}
            onChange={e => onChange(control.name, e.target.value)}
          />
          <datalist id={`${id}-choices`}>
            {control.choices.map(([choice, label]) => (
              <option key={choice} value={choice} label={label} />
            ))}
          </datalist>
          <ControlDescription control={control} />
        </Field>
      );
    case 'number':
      return (
        <Field>
          <Label htmlFor={id}>{control.label}</Label>
          <Input
            {...common}
            type="number"
            step={1}
            value={typeof value === 'number' || typeof value === 'string' ? String(value) : ''}
            onChange={e => onChange(control.name, toNumber(e.target.value))}
          />
          <ControlDescription control={control} />
        </Field>
      );
    default:
      return (
        <Field>
          <Label htmlFor={id}>{control.label}</Label>
          <Input
            {...common}
            value={typeof value === 'string' ? value : ''}
            onChange={e => onChange(control.name, e.target.value)}
          />
          <ControlDescription control={control} />
        </Field>
      );
  }
}

export interface ControlPanelProps {
  sections: DemoSection[];
  formData: QueryFormData;
  onChange: OnChange;
}

export default function ControlPanel({ sections, formData, onChange }: ControlPanelProps) {
  const values = formData as Values;
  const controls = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
  const visible = (control: DemoControl) => !control.visibility || control.visibility({ controls, form_data: values });
  return (
    <form aria-label="Chart controls" onSubmit={e => e.preventDefault()}>
      {sections.map(section => (
        <Section key={section.label} open={section.expanded} data-testid={`section-${section.label}`}>
          <summary>{section.label}</summary>
          {section.description && <Description>{section.description}</Description>}
          {section.rows.map(row => {
            const shown = row.filter(visible);
            return shown.length ? (
              <Row key={row.map(c => c.name).join()}>
                {shown.map(control => (
                  <Control key={control.name} control={control} value={values[control.name]} onChange={onChange} />
                ))}
              </Row>
            ) : null;
          })}
        </Section>
      ))}
    </form>
  );
}
