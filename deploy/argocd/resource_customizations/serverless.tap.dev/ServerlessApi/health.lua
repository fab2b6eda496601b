-- Argo CD health of a ServerlessApi, from the conditions the operator writes.
-- Healthy: Ready. Degraded: ACK.Terminal or Stalled (a human must act; a rolled-back rollout is one);
-- Stalled=True is enough on its own, as kstatus and Flux read it.
-- Suspended: a rollout held by deployment.paused. Progressing: anything in flight, retries included,
-- and any status that does not describe the current generation yet.
local hs = {status = "Progressing", message = "Waiting for the operator to report status"}
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.message = "Waiting for the operator to reconcile generation " .. generation
  return hs
end
local conditions = {}
for _, condition in ipairs(obj.status.conditions) do
  conditions[condition.type] = condition
end
local function holds(type)
  return conditions[type] ~= nil and conditions[type].status == "True"
end
for _, stuck in ipairs({"ACK.Terminal", "Stalled"}) do
  if holds(stuck) then
    return {status = "Degraded", message = conditions[stuck].message}
  end
end
if holds("Ready") then
  return {status = "Healthy", message = conditions["Ready"].message}
end
if holds("Progressing") and conditions["Progressing"].reason == "Paused" then
  return {status = "Suspended", message = conditions["Progressing"].message}
end
if holds("ACK.Recoverable") then
  return {status = "Progressing", message = conditions["ACK.Recoverable"].message}
end
if holds("Progressing") then
  return {status = "Progressing", message = conditions["Progressing"].message}
end
return hs
