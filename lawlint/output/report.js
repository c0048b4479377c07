// Sort a table by the clicked column (numbers numerically, text in Chinese collation).
document.querySelectorAll('th').forEach((th,i)=>th.addEventListener('click',()=>{
 const body=th.closest('table').tBodies[0],rows=[...body.rows],up=th.dataset.dir!=='asc';
 rows.sort((a,b)=>{const x=a.cells[i].dataset.v??a.cells[i].textContent,y=b.cells[i].dataset.v??b.cells[i].textContent;
  const n=parseFloat(x)-parseFloat(y);return (isNaN(n)?x.localeCompare(y,'zh'):n)*(up?1:-1)});
 th.dataset.dir=up?'asc':'desc';rows.forEach(r=>body.appendChild(r))}));
