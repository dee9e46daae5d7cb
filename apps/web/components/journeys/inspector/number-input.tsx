"use client";

import { useEffect, useState } from "react";
import { TextInput } from "@/components/ui/form-field";

type NumberInputProps = {
  id: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  invalid?: boolean;
  className?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  disabled?: boolean;
};

/**
 * A whole-number box that lets its text be briefly empty or partial while typing ("", "-") and
 * hands on only whole numbers, clamped to [min, max]; it shows the value again when it loses focus.
 */
export function NumberInput({ id, value, onChange, min = 0, max = 1_000_000, ...rest }: NumberInputProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((current) => (Number(current) === value && current.trim() !== "" ? current : String(value)));
  }, [value]);

  return (
    <TextInput
      id={id}
      inputMode="numeric"
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        if (/^\d+$/.test(next.trim())) onChange(Math.min(max, Math.max(min, Number(next))));
      }}
      onBlur={() => setText(String(value))}
      {...rest}
    />
  );
}
