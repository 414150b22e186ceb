import { useId, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface ComboboxOption {
  key: string;
  /** What the option shows. */
  content: ReactNode;
}

export interface ComboboxProps {
  /** The input's id: rjsf's label points at it. */
  id: string;
  text: string;
  onTextChange: (text: string) => void;
  options: readonly ComboboxOption[];
  onSelect: (key: string) => void;
  /** Shown in the popup instead of options (loading, nothing found, an error). */
  status?: string | undefined;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
  required?: boolean | undefined;
  invalid?: boolean | undefined;
  describedBy?: string | undefined;
  onBlur?: (() => void) | undefined;
}

/**
 * A text input with a popup list (the ARIA 1.2 combobox pattern, list autocomplete): typing
 * filters, ArrowDown/ArrowUp move through the options, Enter picks, Escape closes.
 */
export function Combobox(props: ComboboxProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { options } = props;
  const expanded = open && (options.length > 0 || Boolean(props.status));
  const optionId = (index: number) => `${listId}-option-${index}`;

  function pick(index: number) {
    const option = options[index];
    if (!option) return;
    props.onSelect(option.key);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded) {
      // Enter picks an option instead of submitting the surrounding form.
      event.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="combobox">
      <input
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={props.describedBy}
        aria-required={props.required ? true : undefined}
        placeholder={props.placeholder}
        disabled={props.disabled}
        value={props.text}
        onChange={(event) => {
          props.onTextChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          props.onBlur?.();
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="combobox-list" hidden={!expanded}>
        {expanded && props.status && options.length === 0 && (
          <li className="combobox-status" role="presentation">
            {props.status}
          </li>
        )}
        {expanded &&
          options.map((option, index) => (
            <li
              key={option.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox-option combobox-option-active' : 'combobox-option'}
              // mousedown would blur the input and close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(index)}
            >
              {option.content}
            </li>
          ))}
      </ul>
    </div>
  );
}
