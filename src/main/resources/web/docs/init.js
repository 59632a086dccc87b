// Swagger UI over Accord's own OpenAPI document; kept out of the page so the CSP needs no 'unsafe-inline'.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
});
