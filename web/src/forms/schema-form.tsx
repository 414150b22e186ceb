import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { JsonObject } from '../api';
import { useI18n } from '../i18n';
import { AttachmentWidget } from './attachment-widget';
import { FORM_VALIDATORS } from './form-validator';
import { localizeSchema, withEnumLabels } from './localize-schema';
import { PickerWidget, withPickerWidgets, type PickerFormContext } from './pickers';

const WIDGETS = { attachment: AttachmentWidget, picker: PickerWidget };

export interface SchemaFormProps {
  schema: JsonObject;
  uiSchema?: JsonObject | undefined;
  translations?: JsonObject | undefined;
  formData: unknown;
  onChange?: (data: unknown) => void;
  onSubmit?: (data: unknown) => void;
  /** Errors from the server (a FORM_INVALID errorSchema), shown beside their fields. */
  extraErrors?: JsonObject | undefined;
  readonly?: boolean;
  liveValidate?: boolean;
  /** Replaces the submit button. */
  children?: ReactNode;
  idPrefix?: string;
  /** Inside another form: render as a <div>, the outer form submits. */
  embedded?: boolean;
  /** Told when a registry picker picks someone or something, so the form can fill fields derived from it. */
  pickerContext?: PickerFormContext;
}

/** A JSON-Schema form rendered with react-jsonschema-form, validating as the server does. */
export function SchemaForm(props: SchemaFormProps) {
  const { lang } = useI18n();
  const { schema, uiSchema, translations } = props;
  const localized = useMemo(() => localizeSchema(schema, translations ?? {}, lang), [schema, translations, lang]);
  const labelledUi = useMemo(() => withPickerWidgets(withEnumLabels(localized, uiSchema ?? {})), [localized, uiSchema]);
  return (
    <Form
      schema={localized as RJSFSchema}
      uiSchema={labelledUi as UiSchema}
      formData={props.formData}
      validator={FORM_VALIDATORS[lang]}
      widgets={WIDGETS}
      noHtml5Validate
      showErrorList={false}
      {...(props.liveValidate ? { liveValidate: 'onChange' as const } : {})}
      {...(props.readonly ? { readonly: true } : {})}
      {...(props.embedded ? { tagName: 'div' } : {})}
      {...(props.idPrefix ? { idPrefix: props.idPrefix } : {})}
      {...(props.pickerContext ? { formContext: props.pickerContext } : {})}
      {...(props.extraErrors ? { extraErrors: props.extraErrors as ErrorSchema } : {})}
      onChange={(event: IChangeEvent) => props.onChange?.(event.formData)}
      onSubmit={(event: IChangeEvent) => props.onSubmit?.(event.formData)}
    >
      {props.children ?? (props.embedded || props.readonly ? <></> : undefined)}
    </Form>
  );
}
