{{/* The prefix of every resource name: fullnameOverride, else the release name ("rayswarm" gives deploy/kubernetes' names). */}}
{{- define "rayswarm.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every resource. Call with (list . "component"). */}}
{{- define "rayswarm.labels" -}}
{{- $root := index . 0 -}}
{{ include "rayswarm.selectorLabels" . }}
app.kubernetes.io/part-of: rayswarm
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" $root.Chart.Name $root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels that select a component's pods. Call with (list . "component"). */}}
{{- define "rayswarm.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: rayswarm
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{/* The pod-level security context of every workload but PostgreSQL. */}}
{{- define "rayswarm.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The container-level security context: no privileges, read-only root filesystem (/tmp is an emptyDir). */}}
{{- define "rayswarm.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}
