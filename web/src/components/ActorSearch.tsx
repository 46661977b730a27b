/** A text box that suggests actors as you type (type and degree beside each); Enter or click picks one. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ActorNode } from '../api';

interface Props {
  id: string;
  label: string;
  placeholder?: string;
  initial?: string;
  onPick: (a: ActorNode) => void;
  /** Called on Enter with no suggestion highlighted (free text search). */
  onSubmitText?: (text: string) => void;
}

export function ActorSearch({ id, label, placeholder, initial, onPick, onSubmitText }: Props) {
  const [text, setText] = useState(initial ?? '');
  const [items, setItems] = useState<ActorNode[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => setText(initial ?? ''), [initial]);

  useEffect(() => {
    const q = text.trim();
    if (!q || !open) {
      setItems([]);
      return;
    }
    const t = setTimeout(() => {
      abort.current?.abort();
      const ctl = new AbortController();
      abort.current = ctl;
      api.suggest(q, ctl.signal).then(
        (r) => {
          setItems(r.items);
          setActive(-1);
        },
        () => undefined,
      );
    }, 120);
    return () => clearTimeout(t);
  }, [text, open]);

  const pick = (a: ActorNode) => {
    setText(a.name);
    setOpen(false);
    setItems([]);
    onPick(a);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      setActive((i) => Math.min(items.length - 1, i + 1));
      e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      setActive((i) => Math.max(-1, i - 1));
      e.preventDefault();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && items[active]) pick(items[active]);
      else if (onSubmitText) {
        setOpen(false);
        onSubmitText(text.trim());
      } else if (items[0]) pick(items[0]);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <div class="actor-search">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="search"
        autocomplete="off"
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls={id + '-list'}
        placeholder={placeholder}
        value={text}
        onInput={(e) => {
          setText((e.target as HTMLInputElement).value);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && items.length > 0 && (
        <ul class="suggestions" id={id + '-list'} role="listbox">
          {items.map((a, i) => (
            <li
              key={a.id}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(a);
              }}
            >
              <span class={'dot type-' + a.type} />
              <span class="name">{a.name}</span>
              <span class="meta">
                {a.type}
                {a.kind ? ' · ' + a.kind : ''} · degree {a.degree}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
