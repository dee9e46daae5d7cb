"use client";

import { type Ref, type SelectHTMLAttributes, useMemo } from "react";
import { SelectInput } from "@/components/ui/form-field";
import { timeZoneNames } from "./zoned-time";

type TimeZoneSelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  ref?: Ref<HTMLSelectElement>;
  invalid?: boolean;
  /** A zone to keep listed even if this browser does not know it (a value saved elsewhere). */
  current?: string;
};

/** A select of IANA time zones ("Europe/Rome"), UTC first. */
export function TimeZoneSelect({ current, ...props }: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const names = timeZoneNames();
    return current && !names.includes(current) ? [current, ...names] : names;
  }, [current]);
  return (
    <SelectInput {...props}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </SelectInput>
  );
}
