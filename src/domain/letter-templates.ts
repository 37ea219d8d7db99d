// The default wording of warning letters 1 and 2, in English and in Spanish: what Set up writes into the Google Docs
// templates the district then edits.
import type { LetterLanguage } from './letter-fields';
import { LETTER } from './policy';

/** One paragraph of a letter: its text and how it is set (a heading or normal text). */
export interface LetterParagraph {
  text: string;
  heading: 'NORMAL' | 'HEADING1' | 'HEADING2';
  /**
   * Where the text's formatting changes (Docs' Text.getTextAttributeIndices: 0, then the start of each run of
   * differently formatted characters); read from a template so the check can find a field split by formatting.
   */
  runs?: number[];
}

const h1 = (text: string): LetterParagraph => ({ text, heading: 'HEADING1' });
const h2 = (text: string): LetterParagraph => ({ text, heading: 'HEADING2' });
const p = (text: string): LetterParagraph => ({ text, heading: 'NORMAL' });

const HEAD = [
  h1('{{Campus}}'),
  p('{{Letter Date}}'),
  p(''),
  p('{{Guardian Name}}'),
  p('{{Mailing Address}}'),
  p(''),
];

/** Letter 1: the warning notice of TEC 25.095 (parent's duty, truancy prevention measures, a conference). */
const LETTER1: Record<LetterLanguage, LetterParagraph[]> = {
  English: [
    ...HEAD,
    p("About: {{Student Name}}'s attendance, grade {{Grade}} (student ID {{Student ID}})"),
    p('Dear {{Guardian Name}},'),
    p(
      'We are writing because we care about {{Student First Name}} and want every day at school to count. Our records ' +
        'show {{Unexcused Days}} unexcused absences (whole days or parts of days) this school year, on {{Absence Dates}}.',
    ),
    p(
      'Texas law asks every school to send this notice (Texas Education Code, Section 25.095). It is to let you know that:',
    ),
    p(
      "• As a parent or guardian, you are required to monitor {{Student First Name}}'s school attendance and to " +
        'require {{Student First Name}} to attend school.',
    ),
    p(
      '• {{Student First Name}} is now subject to truancy prevention measures: support that the campus puts in ' +
        'place together with your family to deal with whatever makes it hard to get to school.',
    ),
    p(
      '• We are asking you to meet with us for a conference at the campus. Please call {{Campus Phone}} within the ' +
        'next ten school days so that we can find a time that works for you.',
    ),
    p(
      'If an absence was for a reason the school can excuse (an illness, a medical appointment, a religious holy day), ' +
        'please send us the note, and we will correct the record.',
    ),
    p(
      'We know families face real obstacles: transportation, health, work schedules, caring for others. Tell us what ' +
        "gets in the way and we will work on it together. If the absences continue, the district's attendance steps " +
        'move forward; we would much rather solve this with you.',
    ),
    p(''),
    p('With appreciation,'),
    p('{{Principal}}'),
    p('Principal, {{Campus}}'),
  ],
  Spanish: [
    ...HEAD,
    p('Asunto: asistencia de {{Student Name}}, grado {{Grade}} (número de estudiante {{Student ID}})'),
    p('Estimado(a) {{Guardian Name}}:'),
    p(
      'Le escribimos porque {{Student First Name}} nos importa y queremos que cada día en la escuela cuente. Según ' +
        'nuestros registros, en este año escolar tiene {{Unexcused Days}} ausencias injustificadas (días completos o ' +
        'partes del día), en estas fechas: {{Absence Dates}}.',
    ),
    p(
      'La ley de Texas pide a cada escuela que envíe este aviso (Código de Educación de Texas, sección 25.095). Con él ' +
        'le informamos que:',
    ),
    p(
      '• Como madre, padre o tutor, usted tiene la obligación de vigilar la asistencia escolar de {{Student First Name}} ' +
        'y de exigir que asista a la escuela.',
    ),
    p(
      '• A partir de ahora, {{Student First Name}} está sujeto a medidas de prevención del ausentismo escolar: apoyos ' +
        'que la escuela pone en marcha junto con su familia para resolver lo que le dificulta llegar a clases.',
    ),
    p(
      '• Le pedimos que se reúna con nosotros en la escuela. Llámenos al {{Campus Phone}} dentro de los próximos diez ' +
        'días escolares para acordar un horario que le convenga.',
    ),
    p(
      'Si alguna ausencia se debió a una causa que la escuela puede justificar (una enfermedad, una cita médica, una ' +
        'festividad religiosa), envíenos la constancia y corregiremos el registro.',
    ),
    p(
      'Sabemos que las familias enfrentan dificultades reales: el transporte, la salud, los horarios de trabajo, el ' +
        'cuidado de otras personas. Cuéntenos qué se lo impide y buscaremos una solución juntos. Si las ausencias ' +
        'continúan, el distrito seguirá avanzando en los pasos de su plan de asistencia; preferimos resolverlo con usted.',
    ),
    p(''),
    p('Atentamente,'),
    p('{{Principal}}'),
    p('Director(a) de {{Campus}}'),
  ],
};

/** Letter 2: the 90% rule for credit (TEC 25.092, excused and unexcused both count) and the ladder's next steps. */
const LETTER2: Record<LetterLanguage, LetterParagraph[]> = {
  English: [
    ...HEAD,
    p("About: {{Student Name}}'s attendance and course credit, grade {{Grade}} (student ID {{Student ID}})"),
    p('Dear {{Guardian Name}},'),
    p(
      "We are writing again about {{Student First Name}}'s absences. This school year {{Student First Name}} has " +
        '{{Unexcused Days}} unexcused absences ({{Absence Dates}}). Counting every absence, excused ones too, ' +
        "{{Student First Name}}'s attendance rate this year is {{Attendance Rate}}.",
    ),
    h2('Why 90% matters'),
    p(
      'Texas law (Texas Education Code, Section 25.092) says that a student must attend at least 90 percent of the ' +
        'days a class is offered to receive credit or a final grade for it. Excused and unexcused absences both count ' +
        'toward that 90 percent. A student who falls below it can still earn the credit through a plan approved by ' +
        'the principal or the attendance committee, for example by making up the time missed.',
    ),
    h2('What happens next'),
    p(
      "{{Student First Name}} has reached step {{Step}} of our district's attendance steps. Someone from our " +
        'attendance team (an assistant principal, the attendance clerk or our parent liaison) will contact you to talk ' +
        'about what is getting in the way and how we can help. If the absences continue, the next step is a meeting ' +
        'with the assistant principal and a Truancy Prevention Measures plan made together with you; after that, the ' +
        "district's attendance specialist joins the effort. At every step our goal is to help {{Student First Name}} " +
        'be in school, not to punish.',
    ),
    p(
      'You do not need to wait for our call: please call us at {{Campus Phone}}. If some absences should be excused, ' +
        'bring or send the note and we will correct the record.',
    ),
    p('Thank you for working with us. {{Student First Name}} matters to us, and every day here counts.'),
    p(''),
    p('With appreciation,'),
    p('{{Principal}}'),
    p('Principal, {{Campus}}'),
  ],
  Spanish: [
    ...HEAD,
    p(
      'Asunto: asistencia de {{Student Name}} y créditos de sus clases, grado {{Grade}} (número de estudiante ' +
        '{{Student ID}})',
    ),
    p('Estimado(a) {{Guardian Name}}:'),
    p(
      'Le escribimos de nuevo sobre las ausencias de {{Student First Name}}. En este año escolar tiene ' +
        '{{Unexcused Days}} ausencias injustificadas ({{Absence Dates}}). Si se cuentan todas las ausencias, también ' +
        'las justificadas, su asistencia en este año escolar es del {{Attendance Rate}}.',
    ),
    h2('Por qué importa el 90 %'),
    p(
      'La ley de Texas (Código de Educación de Texas, sección 25.092) establece que un estudiante debe asistir por lo ' +
        'menos al 90 por ciento de los días en que se imparte una clase para recibir el crédito o la calificación ' +
        'final. Cuentan tanto las ausencias justificadas como las injustificadas. Si un estudiante queda por debajo de ' +
        'ese porcentaje, todavía puede obtener el crédito mediante un plan aprobado por el director o el comité de ' +
        'asistencia; por ejemplo, recuperando el tiempo perdido.',
    ),
    h2('Qué sigue'),
    p(
      '{{Student First Name}} llegó al paso {{Step}} del plan de asistencia de nuestro distrito. Una persona de nuestro ' +
        'equipo de asistencia (un subdirector, la encargada de asistencia o nuestro enlace con las familias) se ' +
        'comunicará con usted para hablar de lo que dificulta la asistencia y de cómo podemos ayudar. Si las ausencias ' +
        'continúan, el siguiente paso es una reunión con el subdirector y un plan de medidas de prevención del ' +
        'ausentismo elaborado junto con usted; después se suma el especialista de asistencia del distrito. En cada ' +
        'paso, nuestro propósito es ayudar a {{Student First Name}} a estar en la escuela, no imponer castigos.',
    ),
    p(
      'No necesita esperar nuestra llamada: llámenos al {{Campus Phone}}. Si alguna ausencia debe justificarse, ' +
        'tráiganos o envíenos la constancia y corregiremos el registro.',
    ),
    p(
      'Gracias por trabajar con nosotros. {{Student First Name}} nos importa, y cada día en la escuela cuenta.',
    ),
    p(''),
    p('Atentamente,'),
    p('{{Principal}}'),
    p('Director(a) de {{Campus}}'),
  ],
};

/** The default template of a letter type in a language (letter 1 and letter 2 exist). */
export function defaultTemplate(letterType: string, lang: LetterLanguage): LetterParagraph[] | null {
  if (letterType === LETTER.warning1) return LETTER1[lang];
  if (letterType === LETTER.warning2) return LETTER2[lang];
  return null;
}

/** The Settings key holding a template's Google Docs file id. */
export function templateKey(letterType: string, lang: LetterLanguage): string {
  return `letter.template.${letterType}.${lang}`;
}

/** The email's subject and body: the campus named, no student (subjects show in lock screens and logs). */
export function emailText(
  lang: LetterLanguage,
  campus: string,
  letters: number,
): { subject: string; body: string } {
  if (lang === 'Spanish')
    return {
      subject: `${campus}: carta sobre la asistencia escolar`,
      body:
        `Estimada familia:\n\nLe enviamos adjunta ${letters > 1 ? `${letters} cartas` : 'una carta'} de ${campus} ` +
        'sobre la asistencia escolar. Por favor, léala con atención. Si tiene preguntas, responda a este mensaje o ' +
        'llame a la escuela; con gusto le atenderemos.\n\nAtentamente,\n' +
        campus,
    };
  return {
    subject: `${campus}: a letter about school attendance`,
    body:
      `Dear family,\n\nAttached ${letters > 1 ? `are ${letters} letters` : 'is a letter'} from ${campus} about school ` +
      'attendance. Please read it carefully. If you have any questions, reply to this message or call the school; we ' +
      'are glad to help.\n\nWith appreciation,\n' +
      campus,
  };
}
