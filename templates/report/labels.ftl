<#-- The wording of the validation report, in both languages (shared by the HTML and the PDF report). -->
<#assign words = {
  "en": {
    "title": "Signature validation report", "file": "File", "sha": "SHA-256", "policy": "Validation policy",
    "generated": "Produced", "verdict": "Verdict", "valid": "VALID — every signature holds and nothing was changed after signing",
    "invalid": "NOT VALID", "unusable": "CANNOT BE VALIDATED", "demo": "DEMO TRUST ANCHOR: the trusted root is the sample root of a demonstration PKI; this report proves nothing about real signatories.",
    "signatures": "Signatures", "field": "Field", "kind": "Kind", "signer": "Signed by", "result": "Result", "level": "Level",
    "claimed": "Claimed signing time", "proven": "Time proven by time-stamp", "covers": "Covers", "trust": "Trust anchor",
    "after": "Changes after signing", "errors": "Errors", "warnings": "Warnings", "none": "none", "findings": "Findings",
    "agreement": "Agreement", "original": "Original", "signedBy": "Signed by the parties", "lastSigned": "Last signature (time-stamp)",
    "entry": "Entry into force", "intact": "Intact", "yes": "yes", "no": "no",
    "TOTAL_PASSED": "valid", "PASSED": "valid", "INDETERMINATE": "could not be confirmed", "TOTAL_FAILED": "invalid", "FAILED": "invalid"
  },
  "ru": {
    "title": "Протокол проверки подписей", "file": "Файл", "sha": "SHA-256", "policy": "Политика проверки",
    "generated": "Составлен", "verdict": "Заключение", "valid": "ДЕЙСТВИТЕЛЕН — все подписи верны, после подписания документ не изменялся",
    "invalid": "НЕДЕЙСТВИТЕЛЕН", "unusable": "ПРОВЕРКА НЕВОЗМОЖНА", "demo": "ДЕМОНСТРАЦИОННЫЙ КОРНЕВОЙ СЕРТИФИКАТ: доверие основано на корневом сертификате демонстрационной PKI; протокол ничего не доказывает в отношении реальных подписантов.",
    "signatures": "Подписи", "field": "Поле", "kind": "Вид", "signer": "Подписант", "result": "Результат", "level": "Уровень",
    "claimed": "Заявленное время подписания", "proven": "Время по метке времени", "covers": "Охватывает", "trust": "Корневой сертификат",
    "after": "Изменения после подписания", "errors": "Ошибки", "warnings": "Предупреждения", "none": "нет", "findings": "Замечания",
    "agreement": "Соглашение", "original": "Подлинный экземпляр", "signedBy": "Подписали Стороны", "lastSigned": "Последняя подпись (по метке времени)",
    "entry": "Вступление в силу", "intact": "Целостность", "yes": "да", "no": "нет",
    "TOTAL_PASSED": "действительна", "PASSED": "действителен", "INDETERMINATE": "не удалось подтвердить", "TOTAL_FAILED": "недействительна", "FAILED": "недействительна"
  }
}>
<#assign w = words[lang]>
<#function plain indication><#return (w[indication!"INDETERMINATE"])!indication></#function>
