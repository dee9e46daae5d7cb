import type { Ref, TextareaHTMLAttributes } from "react";
import { inputClasses } from "@/components/ui/form-field";

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: Ref<HTMLTextAreaElement>;
  invalid?: boolean;
};

/** A textarea styled like the console's inputs, pointing at its field's error when invalid. */
export function TextArea({ invalid, className = "", id, ...props }: TextAreaProps) {
  return (
    <textarea
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && id ? `${id}-error` : undefined}
      className={`${inputClasses} ${className}`}
      {...props}
    />
  );
}
