import type { EnvelopeErrorCode } from '@signaalhub/envelope';

/** What each refusal means, in Dutch for the person at the terminal. */
export const ENVELOPE_ERROR_TEXT: Readonly<Record<EnvelopeErrorCode, string>> = {
  UNKNOWN_SENDER: 'de afzender staat niet in de partijenlijst',
  BAD_SIGNATURE: 'de handtekening ontbreekt of is niet van de vastgelegde sleutel van de afzender',
  NOT_A_RECIPIENT: 'u staat niet tussen de ontvangers van dit bericht',
  HEADER_TAMPERED: 'de header klopt niet met de ondertekende inhoud (gewijzigd of doorgestuurd)',
  REPLAYED: 'dit bericht is al eerder geopend',
  EXPIRED: 'het bericht is te oud of komt uit de toekomst',
  MALFORMED_ENVELOPE: 'dit is geen geldige envelop',
  HEADER_SIGNATURE_MISSING: 'de header is niet door de afzender ondertekend',
  HEADER_SIGNATURE_INVALID: 'de handtekening van de header is niet van de afzender of hoort bij andere gegevens',
};
