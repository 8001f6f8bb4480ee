// Swagger UI for /openapi.json, from the files the swagger-ui-py package ships (no CDN, and no
// spec validator service: validatorUrl null).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null,
  deepLinking: true, presets: [SwaggerUIBundle.presets.apis] });
